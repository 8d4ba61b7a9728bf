export function EmulatorBanner() {
  return (
    <div role="status" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
      <strong className="font-semibold">Emulator: simulated data.</strong> No Recapture API key is configured,
      so customers, uploads and sightings come from the built-in emulator.
    </div>
  );
}
