package org.falconc.frontend;

import java.util.HashMap;
import java.util.Map;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;

/**
 * The model's IR version and operator-set imports, checked against what falconc reads. Nodes bind to
 * the version their domain is imported at; only the default domain (ai.onnx) has ops falconc knows.
 */
final class Opsets {
    static final long MIN_IR = 1;
    /** IR 3 introduced opset_import; models of IR 1 and 2 use opset 1 of the default domain. */
    static final long FIRST_IR_WITH_OPSETS = 3;
    /** IR 13 is what ONNX writes for opset 25; IR 11 and 12 go with opsets 23 and 24. */
    static final long MAX_IR = 13;
    static final long MIN_OPSET = 1;
    static final long MAX_OPSET = 25;
    static final String DEFAULT_DOMAIN = "ai.onnx";

    private final long irVersion;
    private final Map<String, Long> versions;

    private Opsets(long irVersion, Map<String, Long> versions) {
        this.irVersion = irVersion;
        this.versions = versions;
    }

    static Opsets of(ModelProto model) {
        long ir = model.getIrVersion();
        if (ir < MIN_IR || ir > MAX_IR) {
            throw new FrontendException("unsupported ONNX IR version " + ir + " (falconc reads IR versions "
                    + MIN_IR + " to " + MAX_IR + ")");
        }
        Map<String, Long> versions = new HashMap<>();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            versions.merge(canonical(o.getDomain()), o.getVersion(), Math::max);
        }
        if (ir < FIRST_IR_WITH_OPSETS && model.getOpsetImportCount() == 0) {
            versions.put(DEFAULT_DOMAIN, 1L);
        }
        Long dflt = versions.get(DEFAULT_DOMAIN);
        if (dflt != null && (dflt < MIN_OPSET || dflt > MAX_OPSET)) {
            throw new FrontendException("unsupported opset " + dflt + " of domain " + DEFAULT_DOMAIN
                    + " (falconc reads opsets " + MIN_OPSET + " to " + MAX_OPSET + ")");
        }
        return new Opsets(ir, versions);
    }

    /** The empty domain and "ai.onnx" are the same. */
    static String canonical(String domain) {
        return domain == null || domain.isEmpty() ? DEFAULT_DOMAIN : domain;
    }

    static boolean isDefault(String domain) {
        return canonical(domain).equals(DEFAULT_DOMAIN);
    }

    long irVersion() {
        return irVersion;
    }

    /** The imported version of {@code domain}, or -1 when the model does not import it. */
    long version(String domain) {
        return versions.getOrDefault(canonical(domain), -1L);
    }

    /** The default domain's version, or -1 when not imported. */
    long defaultVersion() {
        return version(DEFAULT_DOMAIN);
    }
}
