package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;

/**
 * Per pocket, the search space for docking: an AutoDock Vina config fragment ({@code center_x = ...},
 * {@code size_x = ...}; use with {@code vina --config FILE --receptor ... --ligand ...}) and the PLANTS
 * binding-site lines ({@code bindingsite_center}, {@code bindingsite_radius}).
 */
public final class DockingConfigs implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                Files.writeString(folder.resolve(report.vinaConfig(c, p)), vina(p), StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(report.plantsConfig(c, p)), plants(p), StandardCharsets.UTF_8);
            }
        }
    }

    public static String vina(Pocket p) {
        return "center_x = " + Csv.coord(p.box().center().x()) + "\n"
                + "center_y = " + Csv.coord(p.box().center().y()) + "\n"
                + "center_z = " + Csv.coord(p.box().center().z()) + "\n"
                + "size_x = " + Csv.coord(p.box().sizeX()) + "\n"
                + "size_y = " + Csv.coord(p.box().sizeY()) + "\n"
                + "size_z = " + Csv.coord(p.box().sizeZ()) + "\n";
    }

    public static String plants(Pocket p) {
        return "bindingsite_center " + Csv.coord(p.center().x()) + " " + Csv.coord(p.center().y()) + " "
                + Csv.coord(p.center().z()) + "\n"
                + "bindingsite_radius " + Csv.coord(p.radius()) + "\n";
    }
}
