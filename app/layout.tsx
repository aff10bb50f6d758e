import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./site-footer.css";
// After globals.css, so the account menu's styles come later in the cascade.
import { UserMenu } from "@/components/auth/user-menu";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Diplomatic negotiations day by day: sessions, statements, sources, and whether the gap is closing.",
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
          <div className="site-header__inner">
            {/* Plain anchors here and in the account menu, like the rest of the site: next/link would
                prefetch / and /login (two server renders) on every page view and ship its client
                code with every page, for clicks that rarely come. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a className="brand" href="/">
              Parley<span>negotiations, day by day</span>
            </a>
            {/* A plain GET form: it works without JavaScript and leads to /search?q=… */}
            <form className="site-search" role="search" aria-label="Site" action="/search" method="get">
              <label htmlFor="site-search-q" className="visually-hidden">
                Search statements, sessions, talks and sources
              </label>
              <input id="site-search-q" type="search" name="q" placeholder="Search" autoComplete="off" />
              <button type="submit" className="button button--quiet">
                Search
              </button>
            </form>
            <UserMenu />
          </div>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <a href="/docs/api">Read API</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
