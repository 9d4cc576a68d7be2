using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IngestionAndGroundTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RescoreRequestedAt",
                table: "Customers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Prefix = table.Column<string>(type: "nchar(8)", fixedLength: true, maxLength: 8, nullable: false),
                    SecretHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerTruths",
                columns: table => new
                {
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    PurchaseRate = table.Column<double>(type: "float", nullable: false),
                    DropoutProbability = table.Column<double>(type: "float", nullable: false),
                    MeanSpend = table.Column<double>(type: "float", nullable: false),
                    BecameInactiveAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PreferenceShiftAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ShiftFromCategoryId = table.Column<int>(type: "int", nullable: true),
                    ShiftToCategoryId = table.Column<int>(type: "int", nullable: true),
                    OfferResponse = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OfferUplift = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerTruths", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_CustomerTruths_Categories_ShiftFromCategoryId",
                        column: x => x.ShiftFromCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerTruths_Categories_ShiftToCategoryId",
                        column: x => x.ShiftToCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerTruths_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Generator = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: false),
                    Customers = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    ParametersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedDatasets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RescoreRequestedAt",
                table: "Customers",
                column: "RescoreRequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTruths_ShiftFromCategoryId",
                table: "CustomerTruths",
                column: "ShiftFromCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTruths_ShiftToCategoryId",
                table: "CustomerTruths",
                column: "ShiftToCategoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "CustomerTruths");

            migrationBuilder.DropTable(
                name: "SimulatedDatasets");

            migrationBuilder.DropIndex(
                name: "IX_Customers_RescoreRequestedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "RescoreRequestedAt",
                table: "Customers");
        }
    }
}
