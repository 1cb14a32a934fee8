package org.sparsepocket.jmol;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * One {@code pockets ...} command as typed in the Jmol console, parsed from the function's arguments.
 * Jmol passes only quoted words and numbers (a bare word arrives as an empty string), so every action is
 * a quoted string: {@code pockets "threshold" 0.4}.
 */
public sealed interface PocketsRequest {

    /**
     * Predict on the current model; {@code chainMode} null keeps the chain mode chosen last, {@code accurate}
     * null keeps the accuracy chosen last (fast until "accurate" is asked for).
     */
    record Predict(ChainMode chainMode, Boolean accurate) implements PocketsRequest {
        Predict(ChainMode chainMode) {
            this(chainMode, null);
        }
    }

    /** Set the clustering threshold, and re-cluster the current prediction if there is one. */
    record Threshold(double value) implements PocketsRequest {
        /** @throws IllegalArgumentException unless 0 ≤ value ≤ 1 (the pocket settings' own check) */
        public Threshold {
            PocketSettings.checkThreshold(value);
        }
    }

    /** Show one pocket (by its number in the report), or all when {@code number} is 0. */
    record Show(int number) implements PocketsRequest { }

    /** Hide the pocket display but keep the prediction. */
    record Hide() implements PocketsRequest { }

    /** Print the report of the current prediction again. */
    record ListPockets() implements PocketsRequest { }

    /** Remove everything the command added and restore the atoms' colours. */
    record Clear() implements PocketsRequest { }

    /** Write the CLI's output files for the current prediction into a folder. */
    record Export(Path folder) implements PocketsRequest { }

    record Help() implements PocketsRequest { }

    /** pockets "keep-style" (true: leave the user's styling alone) or pockets "scene" (false: the readable scene). */
    record KeepStyle(boolean keep) implements PocketsRequest { }

    String USAGE = String.join("\n",
            "SparsePocket pockets command (arguments in double quotes):",
            "  pockets                    predict binding pockets on the current model",
            "  pockets \"chains\" \"A,B\"     predict on chains A and B together",
            "  pockets \"each-chain\"       predict on each chain separately",
            "  pockets \"whole\"            predict on the whole model again (the default)",
            "  pockets \"accurate\"         predict averaged over several orientations (8 for the shipped model):",
            "                             finds more sites, takes several times longer; stays on until \"fast\"",
            "  pockets \"fast\"             predict once per structure again (the default)",
            "  pockets \"threshold\" 0.4    set the atom probability threshold and re-cluster",
            "  pockets \"show\" 2           show pocket 2 only and zoom to it (\"show\" alone: all pockets)",
            "  pockets \"hide\"             hide the pockets, keep the prediction",
            "  pockets \"list\"             print the pocket report again",
            "  pockets \"clear\"            remove the pockets and restore the atom colours and styling",
            "  pockets \"keep-style\"       keep your own styling (default: cartoon, ligands as sticks, no waters)",
            "  pockets \"scene\"            back to that readable scene",
            "  pockets \"export\" \"/dir\"    write the CLI's output files for this prediction into /dir",
            "  pockets \"help\"             this text",
            "Per atom: property_pocketProb (binding probability) and property_pocket (pocket number, 0 = none),",
            "e.g. select property_pocketProb > 0.5, select property_pocket = 1, color property_pocketProb \"bwr\"");

    /**
     * Parses the function's arguments (strings, numbers already turned into text).
     *
     * @throws IllegalArgumentException with a one-line message when the command is not understood
     */
    static PocketsRequest parse(List<String> args) {
        List<String> words = args.stream().map(String::strip).toList();
        if (words.isEmpty()) {
            return new Predict(null);
        }
        String action = words.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        return switch (action) {
            case "predict", "run" -> {
                expectAtMost(action, rest, 0);
                yield new Predict(null);
            }
            case "whole" -> {
                expectAtMost(action, rest, 0);
                yield new Predict(ChainMode.whole());
            }
            case "chains", "chain" -> new Predict(ChainMode.chains(chainList(rest)));
            case "each-chain", "eachchain", "each" -> {
                expectAtMost(action, rest, 0);
                yield new Predict(ChainMode.eachChain());
            }
            case "accurate" -> {
                expectAtMost(action, rest, 0);
                yield new Predict(null, true);
            }
            case "fast" -> {
                expectAtMost(action, rest, 0);
                yield new Predict(null, false);
            }
            case "threshold" -> new Threshold(threshold(rest));
            case "show" -> {
                expectAtMost(action, rest, 1);
                yield new Show(rest.isEmpty() || rest.get(0).equalsIgnoreCase("all") ? 0 : pocketNumber(rest.get(0)));
            }
            case "hide" -> {
                expectAtMost(action, rest, 0);
                yield new Hide();
            }
            case "list", "report" -> {
                expectAtMost(action, rest, 0);
                yield new ListPockets();
            }
            case "clear", "off" -> {
                expectAtMost(action, rest, 0);
                yield new Clear();
            }
            case "export" -> {
                if (rest.size() != 1 || rest.get(0).isEmpty()) {
                    throw new IllegalArgumentException("export needs one folder in quotes, e.g. pockets \"export\" \"/tmp/out\"");
                }
                yield new Export(Path.of(rest.get(0)));
            }
            case "keep-style", "keepstyle" -> {
                expectAtMost(action, rest, 0);
                yield new KeepStyle(true);
            }
            case "scene" -> {
                expectAtMost(action, rest, 0);
                yield new KeepStyle(false);
            }
            case "help", "?" -> new Help();
            case "" -> throw new IllegalArgumentException(
                    "put the action in double quotes, e.g. pockets \"list\" (see pockets \"help\")");
            default -> throw new IllegalArgumentException(
                    "unknown action \"" + words.get(0) + "\" (see pockets \"help\")");
        };
    }

    private static void expectAtMost(String action, List<String> rest, int n) {
        if (rest.size() > n) {
            throw new IllegalArgumentException("\"" + action + "\" takes " + (n == 0 ? "no argument" : "at most " + n
                    + " argument") + ", got " + rest.size() + " (see pockets \"help\")");
        }
    }

    private static List<String> chainList(List<String> rest) {
        List<String> ids = rest.stream()
                .flatMap(s -> Arrays.stream(s.split("[,\\s]+")))
                .filter(s -> !s.isEmpty())
                .toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("chains needs chain IDs in quotes, e.g. pockets \"chains\" \"A,B\"");
        }
        return ids;
    }

    private static double threshold(List<String> rest) {
        if (rest.size() != 1) {
            throw new IllegalArgumentException("threshold needs one number in [0, 1], e.g. pockets \"threshold\" 0.4");
        }
        double t;
        try {
            t = Double.parseDouble(rest.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold must be a number in [0, 1], got \"" + rest.get(0) + "\"");
        }
        return t;
    }

    private static int pocketNumber(String s) {
        try {
            int n = (int) Double.parseDouble(s);
            if (n < 1 || n != Double.parseDouble(s)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("show needs a pocket number ≥ 1 (or \"all\"), got \"" + s + "\"");
        }
    }
}
