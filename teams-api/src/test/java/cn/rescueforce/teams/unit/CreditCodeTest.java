package cn.rescueforce.teams.unit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The unified social credit code's alphabet and check character (GB 32100-2015), without booting anything. */
class CreditCodeTest {

    @Test
    void realCodesAreValid() {
        assertNull(CreditCode.problemWith("91310110666007217T"));
        assertNull(CreditCode.problemWith("91110000710925243K"));
        assertNull(CreditCode.problemWith("91350100M000100Y43"));
    }

    @Test
    void theCheckCharacterComesFromTheWeightedSumModuloThirtyOne() {
        assertEquals('T', CreditCode.checkCharacter("91310110666007217"));
        assertEquals('K', CreditCode.checkCharacter("91110000710925243"));
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
        // a sum divisible by 31 gives 0, not the 32nd character
        assertEquals('0', CreditCode.checkCharacter("00000000000000000"));
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedOne() {
        assertEquals("check character does not match (expected 3)", CreditCode.problemWith("91350100M000100Y44").english());
        assertEquals("check character does not match (expected T)", CreditCode.problemWith("91310110666007217X").english());
    }

    @Test
    void lettersThatLookLikeDigitsOrAreUnusedAreRefusedByPosition() {
        assertEquals("character 9 ('I') is not allowed in a credit code", CreditCode.problemWith("91310110I66007217T").english());
        assertEquals("character 1 ('O') is not allowed in a credit code", CreditCode.problemWith("O1310110666007217T").english());
        assertEquals("character 17 ('z') is not allowed in a credit code", CreditCode.problemWith("9131011066600721zT").english());
        for (char letter : "IOZSV".toCharArray()) {
            assertEquals(-1, CreditCode.ALPHABET.indexOf(letter), "the alphabet has no " + letter);
        }
    }

    @Test
    void aCodeHasEighteenCharacters() {
        assertEquals("must be 18 characters", CreditCode.problemWith(null).english());
        assertEquals("must be 18 characters", CreditCode.problemWith("91310110666007217").english());
        assertEquals("must be 18 characters", CreditCode.problemWith("91310110666007217TT").english());
    }
}
