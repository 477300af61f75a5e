package cn.rescueforce.equipment.changes;

import java.util.List;
import java.util.Locale;

/**
 * The event type of an audited action, {@code <entity>.<action in lowercase kebab-case>} (kit ChangeSource), which must
 * be one the source lists: the contract's {@code ChangeEventType} is compared with those lists, so an action that would
 * publish an unlisted type fails its transaction instead of publishing a type no subscriber can name.
 */
public final class EventTypes {

    private EventTypes() {
    }

    public static String of(String entity, String action, List<String> listed) {
        return listed(entity + "." + action.toLowerCase(Locale.ROOT).replace('_', '-'), listed);
    }

    /** {@code type} when {@code listed} holds it; IllegalStateException otherwise. */
    public static String listed(String type, List<String> listed) {
        if (!listed.contains(type)) {
            throw new IllegalStateException("event type " + type + " is not among " + listed);
        }
        return type;
    }
}
