// Ambient type declarations for the build (Vite client types: CSS imports etc.).
/// <reference types="vite/client" />
