import {
  DATE_FORMATS,
  DATE_FORMAT_LABELS,
  type ColumnMapping,
  type DateFormat,
  type DateTally,
} from "@/lib/csv";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  TARGET_CHOICES,
  choiceOf,
  dateFormatWarning,
  dateTallyText,
  isDateMapping,
  mappingForChoice,
} from "@/components/upload-wizard/mapping-choices";

export interface ColumnMappingRowProps {
  column: number;
  header: string;
  samples: readonly string[];
  fittingDateFormats: readonly DateFormat[];
  /** How the column's values are written, when they are dates. */
  dateTally: DateTally | null;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function ColumnMappingRow({
  column,
  header,
  samples,
  fittingDateFormats,
  dateTally,
  mapping,
  onChange,
}: ColumnMappingRowProps) {
  const name = header.trim() || `Column ${columnLetter(column)}`;
  const id = `column-${column}`;
  const ignored = mapping.target.kind === "ignore";
  const keyMissing = mapping.target.kind === "additional" && mapping.target.key.trim() === "";
  const dateFormat = mapping.dateFormat ?? "dmy";
  const dateWarning = isDateMapping(mapping) ? dateFormatWarning(dateFormat, fittingDateFormats) : undefined;
  const dateReading = isDateMapping(mapping) && dateTally ? dateTallyText(dateTally, dateFormat) : undefined;
  const dateNotes = [dateWarning && `${id}-date-warning`, dateReading && `${id}-date-reading`].filter(
    Boolean,
  );

  return (
    <tr
      className={`border-t border-slate-100 align-top max-md:flex max-md:flex-col max-md:gap-2 max-md:px-4 max-md:py-3 max-md:first:border-t-0 ${ignored ? "bg-slate-50/60" : ""}`}
    >
      <th scope="row" className="px-4 py-3 text-left max-md:p-0">
        <span className={`block font-medium ${ignored ? "text-slate-500" : "text-slate-900"}`}>{name}</span>
        <span className="text-xs font-normal text-slate-500">Column {columnLetter(column)}</span>
      </th>
      <td className="px-4 py-3 max-md:p-0">
        {samples.length > 0 ? (
          <ul aria-label={`Sample values of ${name}`} className="flex max-w-sm flex-wrap gap-1">
            {samples.map((sample) => (
              <li
                key={sample}
                className="max-w-40 truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
                title={sample}
              >
                {sample}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-xs italic text-slate-500">empty</span>
        )}
      </td>
      <td className="px-4 py-3 max-md:p-0">
        <Select
          id={`${id}-target`}
          aria-label={`Send ${name} as`}
          value={choiceOf(mapping)}
          onChange={(event) =>
            onChange(mappingForChoice(event.currentTarget.value, header, column, fittingDateFormats))
          }
          className="w-48 max-md:w-full"
        >
          <optgroup label="Recapture field">
            {TARGET_CHOICES.slice(0, -2).map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other">
            {TARGET_CHOICES.slice(-2).map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </optgroup>
        </Select>
      </td>
      <td className="px-4 py-3 max-md:p-0 max-md:empty:hidden">
        {mapping.target.kind === "additional" && (
          <div className="flex flex-col gap-1">
            <Input
              aria-label={`Additional field name for ${name}`}
              aria-invalid={keyMissing}
              aria-describedby={keyMissing ? `${id}-key-error` : undefined}
              value={mapping.target.key}
              onChange={(event) =>
                onChange({ target: { kind: "additional", key: event.currentTarget.value } })
              }
              className="w-52 font-mono text-xs max-md:w-full"
              spellCheck={false}
            />
            {keyMissing && (
              <p id={`${id}-key-error`} className="text-xs text-red-700">
                Give the field a name
              </p>
            )}
          </div>
        )}
        {isDateMapping(mapping) && (
          <div className="flex flex-col gap-1">
            <Select
              aria-label={`Date format of ${name}`}
              aria-describedby={dateNotes.length > 0 ? dateNotes.join(" ") : undefined}
              value={dateFormat}
              onChange={(event) =>
                onChange({ ...mapping, dateFormat: event.currentTarget.value as DateFormat })
              }
              className="w-52 max-md:w-full"
            >
              {DATE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {DATE_FORMAT_LABELS[format]}
                </option>
              ))}
            </Select>
            {dateWarning && (
              <p id={`${id}-date-warning`} className="max-w-xs text-xs text-amber-800">
                ⚠ {dateWarning}
              </p>
            )}
            {dateReading && (
              <p id={`${id}-date-reading`} className="max-w-xs text-xs text-slate-600">
                {dateReading}
              </p>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
