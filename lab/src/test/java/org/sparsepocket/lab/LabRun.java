package org.sparsepocket.lab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of a lab command as the launcher runs it, for command tests: exit code, stdout and stderr. */
public record LabRun(int code, String out, String err) {

    public static LabRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new LabRun(code, out.toString(), err.toString());
    }
}
