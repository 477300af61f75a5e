package cn.rescueforce.kit.personaldata;

/**
 * A stored value that cannot be read (an unknown key id, a malformed value, a failed authentication), or keys
 * that cannot be used. The message names the field, the key id or the environment variable, never a value or a key.
 */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
