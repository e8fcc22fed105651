// Nothing to prepare: the service creates its own database on start outside production (see the webServer entry).
export default function globalSetup(): void {}
