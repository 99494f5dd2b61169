// Firefox has no managed_schema: it reads an add-on's policy from the enterprise policies.json
// (`3rdparty.Extensions["<gecko id>"]`) or a native managed-storage manifest, and when neither exists
// storage.managed.get() rejects with this message. That is the usual case, a browser nobody manages:
// no policy, not a failure. Any other rejection is a failure, and the last policy seen stays in force.
// No imports: the content scripts on every host page use this too.
const NO_POLICY = 'Managed storage manifest not found';

/** Whether a rejection of storage.managed.get() means that no policy is installed. */
export function isNoPolicy(error: unknown): boolean {
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : null;
  return typeof message === 'string' && message.startsWith(NO_POLICY);
}
