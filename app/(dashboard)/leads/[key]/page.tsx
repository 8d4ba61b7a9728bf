import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LeadDetail } from "@/components/leads/lead-detail";
import { leadKeySchema } from "@/lib/leads/lead-detail";
import { requireUser } from "@/lib/server/auth";
import { readLeadDetail } from "@/lib/server/db/lead-detail";
import { env } from "@/lib/server/env";

interface LeadPageProps {
  params: Promise<{ key: string }>;
}

async function leadOf(params: LeadPageProps["params"]) {
  const key = leadKeySchema.safeParse((await params).key);
  if (!key.success) notFound();
  const detail = await readLeadDetail(key.data);
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: LeadPageProps): Promise<Metadata> {
  const { lead, customer } = await leadOf(params);
  return { title: [customer?.rego, lead.listingTitle ?? "Lead"].filter(Boolean).join(" · ") };
}

export default async function LeadPage({ params }: LeadPageProps) {
  const user = await requireUser();
  const detail = await leadOf(params);
  return (
    <LeadDetail
      // Another lead gets fresh forms.
      key={detail.lead.key}
      leadKey={detail.lead.key}
      initial={detail}
      viewer={{ id: user.id, role: user.role }}
      timeZone={env().DEALERSHIP_TIME_ZONE}
    />
  );
}
