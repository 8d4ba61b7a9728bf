"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { uploadHref, uploadTitle } from "@/components/uploads/upload-display";
import { ApiError } from "@/lib/queries/api";
import { useTrackUpload } from "@/lib/queries/uploads";
import { REGIONS, type Region } from "@/lib/recapture/regions";
import { trackUploadRequestSchema, type TrackUploadRequest } from "@/lib/uploads/register-schemas";

const isAboutTheId = (error: Error) => error instanceof ApiError && Boolean(error.fields.uploadId);

export interface TrackUploadButtonProps {
  /** The configured region, preselected because most dealerships only ever use one. */
  defaultRegion: Region;
}

/** Adds an upload made elsewhere to the register, once the Recapture API confirms it exists, and opens it. */
export function TrackUploadButton({ defaultRegion }: TrackUploadButtonProps) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const track = useTrackUpload();
  const form = useForm<TrackUploadRequest>({
    resolver: zodResolver(trackUploadRequestSchema),
    defaultValues: { uploadId: "", region: defaultRegion },
  });

  const close = () => {
    form.reset();
    track.reset();
    setOpen(false);
  };

  const submit = form.handleSubmit((request) =>
    track.mutate(request, {
      onSuccess: ({ upload }) => {
        toast.success(`Now tracking “${uploadTitle(upload)}”`);
        close();
        router.push(uploadHref(upload.id));
      },
      // "No such upload" belongs under the id; anything else (the API unreachable) above the form.
      onError: (error) => {
        if (isAboutTheId(error)) form.setError("uploadId", { message: error.message });
      },
    }),
  );

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Track an upload by id
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title="Track an upload by id"
        description="For an upload made outside this dashboard. We check with the Recapture API that it exists, then add it to the register."
      >
        <form noValidate onSubmit={submit} className="mt-4 flex flex-col gap-4">
          {track.isError && !isAboutTheId(track.error) && (
            <p
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              {track.error.message}
            </p>
          )}
          <FormField id="track-upload-id" label="Upload ID" error={form.formState.errors.uploadId?.message}>
            {(control) => (
              <Input
                {...control}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                placeholder="99aa2d8e-348b-4321-beeb-f2fa67bab3eb"
                className="font-mono"
                {...form.register("uploadId")}
              />
            )}
          </FormField>
          <FormField id="track-upload-region" label="Region" error={form.formState.errors.region?.message}>
            {(control) => (
              <Select {...control} className="w-32" {...form.register("region")}>
                {REGIONS.map((region) => (
                  <option key={region} value={region}>
                    {region.toUpperCase()}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={track.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={track.isPending}>
              {track.isPending ? "Checking…" : "Track upload"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
