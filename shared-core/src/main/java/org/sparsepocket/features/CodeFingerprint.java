package org.sparsepocket.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the compiled classes of some packages, so a cache built by one version of the feature
 * and structure code is never read by another: any change to those classes changes the hash. Used for
 * the training cache's featurization version and for the build-time template table ({@link TemplateTable}).
 */
public final class CodeFingerprint {

    private CodeFingerprint() {
    }

    /** SHA-256 over the names and bytes of every class in the packages of the given classes. */
    public static String of(Class<?>... anchors) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
        for (Class<?> anchor : anchors) {
            String pkg = anchor.getPackageName().replace('.', '/');
            for (Entry e : classesOf(anchor, pkg)) {
                md.update(e.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(e.bytes());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private record Entry(String name, byte[] bytes) {
    }

    private static List<Entry> classesOf(Class<?> anchor, String pkg) {
        List<Entry> out = new ArrayList<>();
        try {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve(pkg))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        out.add(new Entry(f.getFileName().toString(), Files.readAllBytes(f)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                        JarEntry je = en.nextElement();
                        String n = je.getName();
                        if (n.startsWith(pkg + "/") && n.endsWith(".class") && n.indexOf('/', pkg.length() + 1) < 0) {
                            entries.add(je);
                        }
                    }
                    entries.sort(java.util.Comparator.comparing(JarEntry::getName));
                    for (JarEntry je : entries) {
                        try (InputStream in = jar.getInputStream(je)) {
                            out.add(new Entry(je.getName().substring(pkg.length() + 1), in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + pkg + ": " + e.getMessage(), e);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the classes of " + pkg + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("found no classes of package " + pkg);
        }
        return out;
    }
}
