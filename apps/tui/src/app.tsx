import React, { useCallback, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from "react";
import { Box, Text, useApp, useInput, useStdin, type Key } from "ink";
import type { DataSource } from "./data/source.js";
import { splitKeys } from "./ui/hooks/use-keys.js";
import { useTerminalSize } from "./ui/hooks/use-terminal-size.js";
import { TABS, UiContext, type KeyTarget, type Screen, type Tab, type Ui } from "./ui/hooks/use-ui.js";
import { ActorDetailView } from "./ui/views/actor-detail-view.js";
import { ActorsView } from "./ui/views/actors-view.js";
import { ArticleReaderView } from "./ui/views/article-reader-view.js";
import { ArticlesView } from "./ui/views/articles-view.js";
import { EventDetailView } from "./ui/views/event-detail-view.js";
import { HelpView } from "./ui/views/help-view.js";
import { IngestView } from "./ui/views/ingest-view.js";
import { TimelineView } from "./ui/views/timeline-view.js";

export interface AppProps {
  /** The embedded corpus or a remote API. */
  source: DataSource;
  initialView?: Tab;
  /** Marks without colour (brackets, inverse, underline); defaults to whether NO_COLOR is set. */
  noColor?: boolean;
}

const TAB_TITLE: Record<Tab, string> = { timeline: "Timeline", actors: "Actors", articles: "Articles", ingest: "Ingest" };
const SCREEN_TITLE: Record<Screen["view"], string> = { ...TAB_TITLE, event: "Event", actor: "Actor", reader: "Reader" };

const KEYS: Record<Screen["view"], string> = {
  timeline: "↑↓/jk move · Enter open · a actor · t type · i issue · / text · c clear",
  event: "↑↓/jk report · Enter read article · Esc/h back",
  actors: "↑↓/jk move · Enter open · / search · c clear",
  actor: "↑↓/jk event · Enter open · Esc back",
  articles: "↑↓/jk move · Enter read · / search · c clear",
  reader: "↑↓/jk scroll · Space page · g/G top/end · Esc back",
  ingest: "Enter/i type a path",
};

/** `NO_COLOR` set to anything but "" turns colours off (no-color.org). */
export const noColorFromEnv = (env: NodeJS.ProcessEnv = process.env) => env.NO_COLOR !== undefined && env.NO_COLOR !== "";

const screenKey = (s: Screen) => `${s.view}:${"id" in s ? s.id : "articleId" in s ? s.articleId : ""}`;

/** Parley in the terminal: tabs for the timeline, actors, articles and ingest, with a stack of opened screens in each. */
export function App({ source, initialView = "timeline", noColor = noColorFromEnv() }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const inputEnabled = isRawModeSupported === true;
  const { columns, rows } = useTerminalSize();
  const [tab, setTab] = useState<Tab>(initialView);
  const [stacks, setStacks] = useState<Record<Tab, Screen[]>>(() => ({
    timeline: [{ view: "timeline" }],
    actors: [{ view: "actors" }],
    articles: [{ view: "articles" }],
    ingest: [{ view: "ingest" }],
  }));
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set([initialView]));
  const [help, setHelp] = useState(false);
  const [capturing, setCapturingState] = useState(false);
  // Read by the key handler at once: a prompt opened by one key takes the very next.
  const capturingNow = useRef(false);
  const setCapturing = useCallback((c: boolean) => {
    capturingNow.current = c;
    setCapturingState(c);
  }, []);
  const [dataVersion, setDataVersion] = useState(0);

  const switchTab = useCallback((t: Tab) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  }, []);
  const open = useCallback((screen: Screen) => setStacks((s) => ({ ...s, [tab]: [...s[tab], screen] })), [tab]);
  const back = useCallback(() => setStacks((s) => (s[tab].length > 1 ? { ...s, [tab]: s[tab].slice(0, -1) } : s)), [tab]);

  // The views' key handlers, called by the one listener below.
  const viewKeys = useRef(new Set<MutableRefObject<KeyTarget>>());
  const registerKeys = useCallback((target: MutableRefObject<KeyTarget>) => {
    viewKeys.current.add(target);
    return () => {
      viewKeys.current.delete(target);
    };
  }, []);

  const ui: Ui = useMemo(
    () => ({ source, inputEnabled, noColor, dataVersion, bumpData: () => setDataVersion((n) => n + 1), setCapturing, open, back, registerKeys }),
    [source, inputEnabled, noColor, dataVersion, open, back, registerKeys],
  );

  // The handler of the last commit, as in useKeys: keys may come faster than Ink re-subscribes.
  const global = useRef<(input: string, key: Key) => void>(() => undefined);
  useLayoutEffect(() => {
    global.current = (input, key) => {
      if (capturingNow.current) return;
      if (help) {
        if (input === "q") exit();
        else setHelp(false);
        return;
      }
      if (input === "q") return exit();
      if (input === "?") return setHelp(true);
      if (key.tab) {
        const i = TABS.indexOf(tab);
        return switchTab(TABS[(i + (key.shift ? TABS.length - 1 : 1)) % TABS.length]!);
      }
      const n = Number(input);
      if (Number.isInteger(n) && n >= 1 && n <= TABS.length && input.length === 1) return switchTab(TABS[n - 1]!);
      if (key.escape || key.backspace || key.delete || key.leftArrow || input === "h") back();
    };
  });
  // The one Ink listener, from the first render on: the views first (the one on screen is active), then the global keys.
  const onInput = useCallback((input: string, key: Key) => {
    for (const [i, k] of splitKeys(input, key)) {
      for (const target of [...viewKeys.current]) if (target.current.active) target.current.handler(i, k);
      global.current(i, k);
    }
  }, []);
  useInput(onInput, { isActive: inputEnabled });

  const height = Math.max(6, rows - 1);
  const bodyHeight = height - 2;
  const width = Math.max(20, columns);
  const stack = stacks[tab];
  const top = stack[stack.length - 1]!;
  const accent = noColor ? undefined : "cyan";

  const render = (screen: Screen, active: boolean) => {
    const props = { active, width, height: bodyHeight };
    switch (screen.view) {
      case "timeline":
        return <TimelineView {...props} />;
      case "actors":
        return <ActorsView {...props} />;
      case "articles":
        return <ArticlesView {...props} />;
      case "ingest":
        return <IngestView {...props} />;
      case "event":
        return <EventDetailView id={screen.id} {...props} />;
      case "actor":
        return <ActorDetailView id={screen.id} {...props} />;
      case "reader":
        return <ArticleReaderView articleId={screen.articleId} focus={screen.focus} {...props} />;
    }
  };

  return (
    <UiContext.Provider value={ui}>
      <Box flexDirection="column" width={width} height={height}>
        <Box width={width} height={1}>
          <Text wrap="truncate">
            <Text bold color={accent}>
              Parley{" "}
            </Text>
            {TABS.map((t, i) => (
              <Text key={t} inverse={t === tab} bold={t === tab}>
                {` ${i + 1} ${TAB_TITLE[t]} `}
              </Text>
            ))}
            <Text dimColor>
              {"  "}
              {stack.length > 1 ? stack.map((s) => SCREEN_TITLE[s.view]).join(" › ") + "  " : ""}
              {source.label}
            </Text>
          </Text>
        </Box>
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {help && <HelpView width={width} />}
          {TABS.filter((t) => visited.has(t)).flatMap((t) =>
            stacks[t].map((screen, i) => {
              const visible = !help && t === tab && i === stacks[t].length - 1;
              return (
                <Box key={`${t}/${i}/${screenKey(screen)}`} display={visible ? "flex" : "none"} flexDirection="column">
                  {render(screen, visible)}
                </Box>
              );
            }),
          )}
        </Box>
        <Text dimColor wrap="truncate">
          {help ? "any key: close help · q quit" : capturing ? "type · Enter apply · Esc cancel" : `? help · q quit · Tab/1-4 views · ${KEYS[top.view]}`}
        </Text>
      </Box>
    </UiContext.Provider>
  );
}
