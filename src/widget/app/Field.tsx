import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  /** Inline error; the control points at it with `aria-describedby={errorId(id)}`. */
  error?: string | undefined;
  children: ComponentChildren;
}

export const errorId = (id: string): string => `${id}-err`;

/** A label, its control and the control's inline error. */
export function Field({ id, label, error, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p id={errorId(id)} class="err">
          {error}
        </p>
      )}
    </div>
  );
}
