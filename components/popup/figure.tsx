/** A main figure: the value is an <output> named by its visible label, so it reads as "Handoffs: 3". */
export function Figure({
  id,
  label,
  hint,
  value,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
}) {
  const labelId = `figure-${id}-label`;
  const hintId = `figure-${id}-hint`;
  return (
    <section className="figure">
      <h2 id={labelId}>{label}</h2>
      <output aria-labelledby={labelId} aria-describedby={hintId}>
        {value}
      </output>
      <p id={hintId}>{hint}</p>
    </section>
  );
}
