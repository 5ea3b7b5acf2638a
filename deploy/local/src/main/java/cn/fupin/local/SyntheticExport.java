package cn.fupin.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;

/**
 * Writes a synthetic county's national-registry export (CSV, UTF-8) for the import's benchmark:
 * {@code SyntheticExport <seed> <households> <file>}. Seeds that differ modulo 8 never share an ID number, so a file
 * of seed 99 imports beside the demo county (seed 2020).
 */
public final class SyntheticExport {

    private SyntheticExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SyntheticExport <seed> <households> <file>");
            System.exit(2);
        }
        new SyntheticRegistry(Long.parseLong(args[0]), DivisionTree.ofCounty(DemoLoader.COUNTY),
                Codebook.forYear(2020)).writeCsv(Path.of(args[2]), StandardCharsets.UTF_8, Integer.parseInt(args[1]));
    }
}
