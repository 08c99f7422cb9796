package org.dmscloud.bench.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.dmscloud.bench.api.floor.FloorActivator;
import org.dmscloud.bench.api.floor.FloorResource;

/** The floor resource as a bundle, written from this module's classes, for the distribution's {@code deploy/} folder. */
final class FloorBundle {

    private FloorBundle() {
    }

    static void writeTo(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "dms-cloud-bench-floor");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", FloorActivator.class.getName());
        main.putValue("Import-Package", "javax.ws.rs;version=\"[2,3)\",javax.ws.rs.core;version=\"[2,3)\",org.osgi.framework;version=\"[1.8,2)\"");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(FloorActivator.class, FloorResource.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
