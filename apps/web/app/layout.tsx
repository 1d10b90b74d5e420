import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "../components/site-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Diplomatic events from German and English news, merged into one sourced timeline.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <a className="brand" href="/">
              Parley
            </a>
            <SiteNav />
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer wrap">
          <p>
            Parley reads news reports and keeps every fact tied to the sentence it came from. <a href="/about">About</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
