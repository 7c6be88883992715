package dev.sysc.explain;

import dev.sysc.host.HostInfo;
import dev.sysc.os.HostReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The recorded machines of src/test/resources/hosts. */
final class Hosts {
    static final String THIS_AMD = "this-amd-epyc";
    static final String INTEL_PTI_XEN = "intel-pti-xen";
    static final String INTEL_OFF = "intel-mitigations-off";
    static final String AMD_SRSO = "amd-srso-safe-ret";

    private Hosts() {}

    static Path root(String name) {
        URL url = Hosts.class.getResource("/hosts/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HostInfo read(String name) {
        return new HostReader(root(name)).read();
    }
}
