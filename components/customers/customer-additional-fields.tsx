import { additionalFieldText } from "@/components/customers/customer-display";

export interface CustomerAdditionalFieldsProps {
  fields: Record<string, unknown> | null;
}

export function CustomerAdditionalFields({ fields }: CustomerAdditionalFieldsProps) {
  const entries = Object.entries(fields ?? {});
  if (entries.length === 0) return <p className="text-sm text-slate-600">None recorded.</p>;
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-4 py-2">
          <dt className="w-2/5 shrink-0 break-words font-medium text-slate-600">{key}</dt>
          <dd className="break-words text-slate-900">
            {additionalFieldText(value) || <span className="text-slate-500">Empty</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
