import React from "react";
import { Box, Text } from "ink";

/** Every key, by where it works. */
export const HELP: Array<[string, Array<[string, string]>]> = [
  [
    "Everywhere",
    [
      ["Tab / Shift-Tab", "next / previous view"],
      ["1 2 3 4", "the four views"],
      ["↑ ↓ / k j", "move"],
      ["PgUp PgDn / Ctrl-u Ctrl-d", "a page"],
      ["g / G", "first / last"],
      ["Enter", "open"],
      ["Esc / Backspace / ← / h", "back"],
      ["?", "this help"],
      ["q", "quit"],
    ],
  ],
  [
    "Timeline",
    [
      ["a", "actor filter (a name)"],
      ["t / i", "type / issue filter (a prefix)"],
      ["/", "text filter"],
      ["c", "clear the filters"],
    ],
  ],
  ["Event", [["Enter / r", "read the report's article"]]],
  ["Actors, Articles", [["/", "search"], ["c", "clear the search"]]],
  ["Reader", [["j k Space g G", "scroll"]]],
  ["Ingest", [["Enter / i", "a file or folder path"]]],
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
  const keyWidth = 26;
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
