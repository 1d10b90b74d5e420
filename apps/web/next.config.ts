import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native drivers stay outside the server bundle and load from node_modules.
  // (@parley/store and @parley/core are loaded at run time too: lib/corpus.ts.)
  serverExternalPackages: ["better-sqlite3", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // An article may hold 1,000,000 characters; in UTF-8 that is up to ~3 MB.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
