import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import type { ShownHold } from '../../lib/messaging';

// The first dialog a frame draws after the browser starts took about 60 ms longer than later ones (React's
// code compiled on first use, the frame's styles and the system fonts resolved on first layout), and every
// dialog spent 10–25 ms creating, styling and laying out its elements after the hold came. A frame loaded
// ahead therefore draws the checklist while it waits, for this stand-in hold: hidden, laid out, taking no
// focus. When the real hold comes, only what differs from the stand-in changes, and the dialog shows.

/** The hold a waiting frame draws: the standard checklist, with nothing from any ticket. */
export function standInHold(url: string): ShownHold {
  return {
    found: true,
    held: {
      id: 'stand-in',
      site: 'baton',
      via: 'ui',
      tickets: ['KEY-1'],
      context: {
        site: 'baton',
        ticketKey: 'KEY-1',
        title: 'A ticket',
        url,
        from: { name: 'Someone' },
        to: { name: 'Someone else' },
        at: new Date(0).toISOString(),
      },
    },
    shownAt: 0,
    template: SERVICE_HANDOFF,
    enforcement: 'block',
    draft: null,
  };
}
