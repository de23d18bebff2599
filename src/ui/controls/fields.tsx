import { useId, useState, type ReactNode } from 'react';
import { fieldNote, readNumber, readNumberList } from './field-note';

interface Base {
  label: string;
  hint?: ReactNode;
}

function Field({ id, label, hint, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
}

/**
 * A text box that keeps what is typed until it is committed (Enter or leaving the box). The store rounds and clamps
 * what it cannot take; when the setting did not end up as typed, a note under the box says what became of it.
 */
function DraftInput({ id, value, parse, read, what, onCommit, inputMode }: { id: string; value: string; parse: (t: string) => unknown | null; read: (t: string) => string | null; what: string; onCommit: (v: unknown) => void; inputMode?: 'decimal' | 'numeric' | 'text' }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [committed, setCommitted] = useState<string | null>(null);
  // `value` is the stored setting, validated by the store since the commit: compared with what was typed then.
  const note = committed === null ? null : fieldNote(committed, read(committed), value, what);
  const commit = (t: string) => {
    const v = parse(t);
    if (v !== null) onCommit(v);
    setCommitted(t);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={draft ?? value}
        aria-describedby={note ? `${id}-note` : undefined}
        onFocus={() => {
          setDraft(value);
          setCommitted(null);
        }}
        onBlur={() => {
          if (draft !== null && draft !== value) commit(draft);
          setDraft(null);
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          setCommitted(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || draft === null) return;
          commit(draft);
          // The box shows the stored setting now, so what the store made of the text is visible at once.
          setDraft(null);
        }}
      />
      {note && (
        <small id={`${id}-note`} className="field-note" role="status">
          {note}
        </small>
      )}
    </>
  );
}

const parseNumber = (integer: boolean) => (t: string) => {
  const v = Number(t.trim());
  return t.trim() !== '' && Number.isFinite(v) ? (integer ? Math.round(v) : v) : null;
};

export function NumberField({ label, hint, value, onChange, integer = false }: Base & { value: number; onChange: (v: number) => void; integer?: boolean }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <DraftInput id={id} value={String(value)} parse={parseNumber(integer)} read={readNumber} what={integer ? 'a whole number' : 'a number'} onCommit={(v) => onChange(v as number)} inputMode={integer ? 'numeric' : 'decimal'} />
    </Field>
  );
}

/** Numbers separated by commas (pruning rates, layer widths). */
export function NumberListField({ label, hint, value, onChange }: Base & { value: number[]; onChange: (v: number[]) => void }) {
  const id = useId();
  const parse = (t: string) => {
    const xs = t.split(/[,\s]+/).filter(Boolean).map(Number);
    return xs.length > 0 && xs.every(Number.isFinite) ? xs : null;
  };
  return (
    <Field id={id} label={label} hint={hint}>
      <DraftInput id={id} value={value.join(', ')} parse={parse} read={readNumberList} what="a list of numbers" onCommit={(v) => onChange(v as number[])} />
    </Field>
  );
}

export function SliderField({ label, hint, value, min, max, step, onChange, format = String }: Base & { value: number; min: number; max: number; step: number; onChange: (v: number) => void; format?: (v: number) => string }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <span className="slider-row">
        <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
        <output htmlFor={id}>{format(value)}</output>
      </span>
    </Field>
  );
}

export function SelectField<T extends string>({ label, hint, value, options, onChange, disabled = false }: Base & { value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

export function CheckboxField({ label, hint, value, onChange }: Base & { value: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
}

export function ControlGroup({ title, hint, children, open = true }: { title: string; hint?: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="control-group" open={open}>
      <summary>{title}</summary>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </details>
  );
}
