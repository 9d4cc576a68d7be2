using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SnapshotActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HighRiskFrom",
                table: "ScoringRuns",
                type: "int",
                nullable: false,
                defaultValue: 70);

            migrationBuilder.AddColumn<int>(
                name: "MediumRiskFrom",
                table: "ScoringRuns",
                type: "int",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<int>(
                name: "DaysSinceLastPurchase",
                table: "CustomerScores",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PointsBalance",
                table: "CustomerScores",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Spend365",
                table: "CustomerScores",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HighRiskFrom",
                table: "ScoringRuns");

            migrationBuilder.DropColumn(
                name: "MediumRiskFrom",
                table: "ScoringRuns");

            migrationBuilder.DropColumn(
                name: "DaysSinceLastPurchase",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "PointsBalance",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "Spend365",
                table: "CustomerScores");
        }
    }
}
