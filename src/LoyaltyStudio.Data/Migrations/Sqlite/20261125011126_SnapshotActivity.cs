using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 70);

            migrationBuilder.AddColumn<int>(
                name: "MediumRiskFrom",
                table: "ScoringRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<int>(
                name: "DaysSinceLastPurchase",
                table: "CustomerScores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PointsBalance",
                table: "CustomerScores",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Spend365",
                table: "CustomerScores",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0.0);
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
