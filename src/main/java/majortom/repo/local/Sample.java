package majortom.repo.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sample kubernetes-configs packaged with major-tom, listed in {@code files.txt} since a jar cannot be listed.
 */
final class Sample {

    static final String ROOT = "/majortom/sample/kubernetes-configs/";

    private Sample() {
    }

    static List<String> files() throws IOException {
        try (InputStream in = open("files.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableList());
        }
    }

    static InputStream open(String file) throws IOException {
        InputStream in = Sample.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("the sample file " + file + " is missing from the package");
        }
        return in;
    }
}
