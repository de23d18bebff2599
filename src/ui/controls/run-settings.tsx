import { backendNames, type BackendName } from '../../engine/contract/config';
import { automaticWasmThreads, hessianHelperFits } from '../../engine/contract/wasm-threads';
import { useApp, useController } from '../app-context';
import { ControlGroup, NumberField, SelectField } from './fields';
import { useConfigField } from './use-config-field';

const BACKEND_LABELS: Record<BackendName, string> = { auto: 'Auto (WebGPU → wasm → WebGL → CPU)', webgpu: 'WebGPU', wasm: 'WebAssembly', webgl: 'WebGL', cpu: 'CPU (plain JS)' };

export function RunSettings() {
  const controller = useController();
  const [seed, setSeed] = useConfigField('seed');
  const [seeds, setSeeds] = useConfigField('seeds');
  const [backend, setBackend] = useConfigField('backend');
  const [bootstrap, setBootstrap] = useConfigField('uncertainty.bootstrap');
  const wasmThreads = useApp((s) => s.wasmThreads);
  const running = useApp((s) => s.run.status === 'starting' || s.run.status === 'running' || s.run.status === 'cancelling');
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  const auto = automaticWasmThreads(cores);
  const threadOptions = [
    { value: 'auto', label: `Automatic (${auto}${hessianHelperFits(cores, auto) ? ', and a λ(H_a) helper' : ''})` },
    ...Array.from({ length: cores }, (_, i) => ({ value: String(i + 1), label: i + 1 === cores ? `${cores} (every core)` : `${i + 1}` })),
  ];
  return (
    <ControlGroup title="Seeds and backend" hint="Several seeds give a mean and a band in every chart.">
      <NumberField label="First seed" integer value={seed} onChange={setSeed} />
      <NumberField label="Seeds" integer value={seeds} onChange={setSeeds} hint="Runs seed, seed+1, … (1-10)." />
      <NumberField label="Bootstrap draws" integer value={bootstrap} onChange={setBootstrap} hint="Resamples of the test samples for each group's 95% interval (error bars); 0 turns them off." />
      <SelectField
        label="Backend"
        value={backend}
        options={backendNames.map((b) => ({ value: b, label: BACKEND_LABELS[b] }))}
        onChange={(b) => {
          setBackend(b);
          void controller.probeBackend();
        }}
        hint="Where the worker computes; the badge shows the one in use."
      />
      <SelectField
        label="WebAssembly threads"
        value={wasmThreads === null ? 'auto' : String(Math.min(wasmThreads, cores))}
        options={threadOptions}
        disabled={running}
        onChange={(v) => controller.setWasmThreads(v === 'auto' ? null : Number(v))}
        hint="A setting of this device, not of the experiment (never in a link). Automatic leaves one core to the page's charts and, where the engine leaves one free, to a helper that computes half of λ(H_a). Changing it restarts the engine."
      />
    </ControlGroup>
  );
}
