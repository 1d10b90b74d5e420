import React from "react";
import { Box, Text } from "ink";

/** Every key, by where it works. */
export const HELP: Array<[string, Array<[string, string]>]> = [
  [
    "Everywhere",
    [
      ["Tab / Shift-Tab", "next / previous view"],
      ["1 2 3 4", "Timeline, Actors, Articles, Ingest"],
      ["↑ ↓ / k j", "move"],
      ["PgUp PgDn / Ctrl-u Ctrl-d", "a page"],
      ["g / G", "first / last"],
      ["Enter", "open"],
      ["Esc / Backspace / ← / h", "back"],
      ["?", "this help (any key closes)"],
      ["q", "quit"],
    ],
  ],
  [
    "Timeline",
    [
      ["a", "filter by actor (name or alias)"],
      ["t / i", "filter by event type / issue (a prefix is enough)"],
      ["/", "filter by text"],
      ["c", "clear the filters"],
    ],
  ],
  ["Event", [["Enter / r", "read the selected report's article at its evidence"]]],
  ["Actors, Articles", [["/", "search"], ["c", "clear the search"]]],
  ["Reader", [["j k, Space, g G", "scroll"]]],
  ["Ingest", [["Enter / i", "type a path to a file or a folder"]]],
];

function Section({ section, keys, keyWidth }: { section: string; keys: Array<[string, string]>; keyWidth: number }) {
  return (
    <Box flexDirection="column">
      <Text underline>{section}</Text>
      {keys.map(([k, what]) => (
        <Text key={k} wrap="truncate">
          {"  " + k.padEnd(keyWidth)}
          {what}
        </Text>
      ))}
    </Box>
  );
}

/** The `?` screen; in two columns when the terminal is wide enough. */
export function HelpView({ width }: { width: number }) {
  const twoColumns = width >= 100;
  const keyWidth = 27;
  const [first, ...rest] = HELP;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Keys (any key closes this)</Text>
      <Box>
        <Box flexDirection="column" width={twoColumns ? Math.floor(width / 2) : width}>
          {first && <Section section={first[0]} keys={first[1]} keyWidth={keyWidth} />}
          {!twoColumns && rest.map(([s, k]) => <Section key={s} section={s} keys={k} keyWidth={keyWidth} />)}
        </Box>
        {twoColumns && (
          <Box flexDirection="column" width={width - Math.floor(width / 2)}>
            {rest.map(([s, k]) => <Section key={s} section={s} keys={k} keyWidth={16} />)}
          </Box>
        )}
      </Box>
    </Box>
  );
}
