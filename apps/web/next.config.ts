import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native drivers stay outside the server bundle and load from node_modules.
  // The workspace packages (@parley/store, @parley/core) are compiled in from
  // their dist/, so the site must be rebuilt after they change (turbo's
  // `^build` does that): a site built with an older store refuses a database
  // that a newer one migrated.
  serverExternalPackages: ["better-sqlite3", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // An article may hold 1,000,000 characters; in UTF-8 that is up to ~3 MB.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
