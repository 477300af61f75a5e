package cn.rescueforce.teams.member;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The resident identity number's format, birth date and check digit (GB 11643-1999), without booting anything. */
class IdNumberTest {

    @Test
    void theStandardsExampleAndOtherWellFormedNumbersAreValid() {
        assertNull(IdNumber.problemWith("11010519491231002X"));
        assertNull(IdNumber.problemWith("510115198001010013"));
    }

    @Test
    void theCheckDigitIsTheWeightedSumModuloElevenMappedOntoTenToX() {
        assertEquals('X', IdNumber.checkDigit("11010519491231002"));
        assertEquals('4', IdNumber.checkDigit("44052418800101001"));
        assertEquals('3', IdNumber.checkDigit("51011519800101001"));
    }

    @Test
    void aWrongCheckDigitNamesTheExpectedOne() {
        assertEquals("check digit does not match (expected X)", IdNumber.problemWith("110105194912310021").english());
        assertEquals("check digit does not match (expected 3)", IdNumber.problemWith("51011519800101001X").english());
    }

    @Test
    void onlySeventeenDigitsAndADigitOrCapitalXAreANumber() {
        String format = "must be 17 digits followed by a digit or X";
        assertEquals(format, IdNumber.problemWith(null).english());
        assertEquals(format, IdNumber.problemWith("11010519491231002x").english());
        assertEquals(format, IdNumber.problemWith("1101051949123100X").english());
        assertEquals(format, IdNumber.problemWith("1101051949123100210").english());
        assertEquals(format, IdNumber.problemWith("11010519491231X02X").english());
    }

    @Test
    void theBirthDateMustExistAndBePlausible() {
        assertEquals("characters 7-14 are not a valid birth date", IdNumber.problemWith("110105194902300021").english());
        assertEquals("characters 7-14 are not a valid birth date", IdNumber.problemWith("110105194913010021").english());
        assertEquals("birth date 1899-12-31 is not plausible", IdNumber.problemWith("110105189912310021").english());
        assertEquals("birth date 2999-01-01 is not plausible", IdNumber.problemWith("110105299901010021").english());
    }

    @Test
    void aMaskedNumberKeepsTheRegionAndTheLastFourCharactersOnly() {
        assertEquals("110105********002X", IdNumber.masked("11010519491231002X"));
    }
}
