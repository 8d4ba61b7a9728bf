export interface FieldErrorProps {
  id: string;
  message?: string;
}

/** The message under a field; its id goes in the field's `aria-describedby`, so it is read with the field. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}
