"use client";

import { useQuery } from "@tanstack/react-query";
import { Switch } from "@/components/ui/switch";
import { preferenceQueries, useSavePreference } from "@/lib/queries/preferences";

export interface EmailNotificationsSwitchProps {
  /** The person's choice as the page was served (null: never chosen, so on). */
  initial: boolean | null;
  /** What they get when it's on, which depends on their role. */
  description: string;
}

/** The person's own "email me about leads" choice, saved as soon as it changes. */
export function EmailNotificationsSwitch({ initial, description }: EmailNotificationsSwitchProps) {
  const { data: saved } = useQuery({ ...preferenceQueries.detail("email:leads"), initialData: initial });
  const { mutate: save } = useSavePreference("email:leads");
  const enabled = saved !== false;
  return (
    <div className="flex items-start justify-between gap-6">
      <div>
        <p id="email-notifications-label" className="text-sm font-medium text-slate-900">
          Email notifications
        </p>
        <p id="email-notifications-description" className="mt-1 text-sm text-slate-600">
          {description}
        </p>
        <p className="mt-2 text-sm text-slate-700" aria-live="polite">
          {enabled ? "You get these emails." : "You get no lead emails."}
        </p>
      </div>
      <Switch
        checked={enabled}
        onCheckedChange={(checked) => save(checked)}
        aria-labelledby="email-notifications-label"
        aria-describedby="email-notifications-description"
      />
    </div>
  );
}
