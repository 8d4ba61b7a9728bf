import "server-only";
import { DEMO_REGION } from "@/lib/emulator";
import { embeddedEmulator, recapture } from "@/lib/server/recapture";
import { recordDemoUploads } from "@/lib/server/uploads/register";

/**
 * In emulator mode, the first start loads demo customers from six demo uploads. The
 * API has no way to list uploads, so the register would never show where those
 * customers came from: they are read back through the client and recorded as demo
 * history. Later starts find the data already loaded and have nothing to record.
 */
export async function recordEmulatorDemoUploads(): Promise<void> {
  const ids = embeddedEmulator().demoUploadIds;
  if (ids.length === 0) return;
  try {
    const answers = await Promise.all(ids.map((id) => recapture().getUpload(id, { region: DEMO_REGION })));
    await recordDemoUploads(
      answers.map(({ upload }) => upload),
      DEMO_REGION,
    );
  } catch (error) {
    console.error("Could not record the emulator's demo uploads in the register:", error);
  }
}
