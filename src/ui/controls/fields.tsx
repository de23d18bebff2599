import { useId, useState, type ReactNode } from 'react';

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

/** A text box that keeps what is typed until it parses; the store clamps out-of-range values. */
function DraftInput({ id, value, parse, onCommit, inputMode }: { id: string; value: string; parse: (t: string) => unknown | null; onCommit: (v: unknown) => void; inputMode?: 'decimal' | 'numeric' | 'text' }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (t: string) => {
    const v = parse(t);
    if (v !== null) onCommit(v);
  };
  return (
    <input
      id={id}
      type="text"
      inputMode={inputMode}
      value={draft ?? value}
      onFocus={() => setDraft(value)}
      onBlur={() => {
        if (draft !== null) commit(draft);
        setDraft(null);
      }}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft !== null) commit(draft);
      }}
    />
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
      <DraftInput id={id} value={String(value)} parse={parseNumber(integer)} onCommit={(v) => onChange(v as number)} inputMode={integer ? 'numeric' : 'decimal'} />
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
      <DraftInput id={id} value={value.join(', ')} parse={parse} onCommit={(v) => onChange(v as number[])} />
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
