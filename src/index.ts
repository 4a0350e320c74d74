// entry point: filled in by main.ts
export {};
