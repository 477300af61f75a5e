package cn.rescueforce.equipment.callup;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class StockLedgerTest {

    @Inject
    AgroalDataSource database;

    @Test
    void theLedgerIsReadWithinTheCallersDepots() {
        UUID sichuan = Fixtures.provincialDepot("510000");
        UUID shanxi = Fixtures.provincialDepot("140000");
        UUID sichuanLine = Fixtures.stock(Tokens.provincial("510000"), sichuan, 7, 0, null);
        UUID shanxiLine = Fixtures.stock(Tokens.provincial("140000"), shanxi, 9, 0, null);
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("items.stockLineId", hasItem(sichuanLine.toString()))
                .body("items.stockLineId", not(hasItem(shanxiLine.toString())));
        given().auth().oauth2(Tokens.national()).queryParam("stockLineId", shanxiLine).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("RECEIPT")).body("items[0].quantityDelta", equalTo(9))
                .body("items[0].material", equalTo("正压氧气呼吸器氧气瓶"));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/stock-ledger").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/stock-ledger/reconciliation").then().statusCode(403);
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("depotId", shanxi).get("/api/v1/stock-ledger/reconciliation")
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/stock-ledger/reconciliation").then().statusCode(200)
                .body("consistent", equalTo(true));
        given().auth().oauth2(Tokens.national()).queryParam("depotId", "depot-7").get("/api/v1/stock-ledger")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }

    @Test
    void theLedgerIsAppendOnlyAndReconciliationShowsStockChangedBehindItsBack() throws SQLException {
        UUID depot = Fixtures.nationalDepot();
        UUID line = Fixtures.stock(Tokens.national(), depot, 12, 0, null);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate("update stock_ledger_entry set quantity_delta = 99 where stock_line_id = '" + line + "'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("delete from stock_ledger_entry where stock_line_id = '" + line + "'"));
            // a change that bypasses the ledger, as a careless manual fix would
            sql.executeUpdate("update stock_line set quantity = 15 where id = '" + line + "'");
        }
        given().auth().oauth2(Tokens.national()).queryParam("depotId", depot).get("/api/v1/stock-ledger/reconciliation").then().statusCode(200)
                .body("consistent", equalTo(false))
                .body("differences[0].stockLineId", equalTo(line.toString()))
                .body("differences[0].quantity", equalTo(15))
                .body("differences[0].ledgerQuantity", equalTo(12));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("update stock_line set quantity = 12 where id = '" + line + "'");
        }
        given().auth().oauth2(Tokens.national()).queryParam("depotId", depot).get("/api/v1/stock-ledger/reconciliation").then().statusCode(200)
                .body("consistent", equalTo(true)).body("differences", everyItem(equalTo(null)));
    }
}
