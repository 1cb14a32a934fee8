package org.sparsepocket.jmol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jmol.api.JmolCallbackListener;
import org.jmol.c.CBK;
import org.jmol.script.SV;

/**
 * Wraps the viewer's own callback listener ({@code vwr.sm.cbl}): answers the SERVICE callback for
 * {@code {"service":"pockets"}} and hands every other callback, unchanged, to the listener it wraps.
 */
final class PocketsCallbackListener implements JmolCallbackListener {

    static final String SERVICE_NAME = "pockets";

    private final JmolCallbackListener wrapped;
    private final PocketsService service;

    PocketsCallbackListener(JmolCallbackListener wrapped, PocketsService service) {
        this.wrapped = wrapped;
        this.service = service;
    }

    PocketsService service() {
        return service;
    }

    @Override
    public void setCallbackFunction(String callbackType, String callbackFunction) {
        if (wrapped != null) {
            wrapped.setCallbackFunction(callbackType, callbackFunction);
        }
    }

    @Override
    public boolean notifyEnabled(CBK type) {
        return type == CBK.SERVICE || wrapped != null && wrapped.notifyEnabled(type);
    }

    @Override
    public void notifyCallback(CBK type, Object[] data) {
        if (type == CBK.SERVICE && data != null && data.length > 1 && data[1] instanceof Map<?, ?> map
                && SERVICE_NAME.equals(text(map.get("service")))) {
            answer(map);
        } else if (wrapped != null && (type != CBK.SERVICE || wrapped.notifyEnabled(type))) {
            wrapped.notifyCallback(type, data);
        }
    }

    @SuppressWarnings("unchecked")
    private void answer(Map<?, ?> request) {
        PocketsService.Reply reply = service.handle(arguments(request.get("args")));
        Map<String, Object> out = (Map<String, Object>) request;
        out.put("script", reply.script());
        out.put("report", reply.report());
    }

    /** The function's {@code _arguments}: Jmol values (or plain objects) as text. */
    static List<String> arguments(Object args) {
        List<String> out = new ArrayList<>();
        if (args instanceof List<?> list) {
            for (Object o : list) {
                out.add(text(o));
            }
        } else if (args != null) {
            out.add(text(args));
        }
        return out;
    }

    private static String text(Object o) {
        if (o == null) {
            return "";
        }
        return o instanceof SV sv ? sv.asString() : String.valueOf(o);
    }
}
