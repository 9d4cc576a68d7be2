using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntelligenceSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CentroidJson",
                table: "Segments",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ProfileJson",
                table: "Segments",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Segments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ScoringRuns",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.AddColumn<string>(
                name: "ModelVersionsJson",
                table: "ScoringRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<double>(
                name: "ExpectedSpendPerOrder",
                table: "CustomerScores",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "RfmFrequency",
                table: "CustomerScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RfmMonetary",
                table: "CustomerScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RfmRecency",
                table: "CustomerScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SegmentSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoringRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    SegmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageLifetimeValue = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    AverageChurnScore = table.Column<double>(type: "REAL", nullable: false),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentSnapshots_ScoringRuns_ScoringRunId",
                        column: x => x.ScoringRunId,
                        principalTable: "ScoringRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SegmentSnapshots_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerScores_ScoringRunId_MicroSegmentId",
                table: "CustomerScores",
                columns: new[] { "ScoringRunId", "MicroSegmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerScores_ScoringRunId_RfmSegmentId",
                table: "CustomerScores",
                columns: new[] { "ScoringRunId", "RfmSegmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentSnapshots_ScoringRunId_SegmentId",
                table: "SegmentSnapshots",
                columns: new[] { "ScoringRunId", "SegmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentSnapshots_SegmentId",
                table: "SegmentSnapshots",
                column: "SegmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SegmentSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_CustomerScores_ScoringRunId_MicroSegmentId",
                table: "CustomerScores");

            migrationBuilder.DropIndex(
                name: "IX_CustomerScores_ScoringRunId_RfmSegmentId",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "CentroidJson",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "ProfileJson",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ScoringRuns");

            migrationBuilder.DropColumn(
                name: "ModelVersionsJson",
                table: "ScoringRuns");

            migrationBuilder.DropColumn(
                name: "ExpectedSpendPerOrder",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "RfmFrequency",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "RfmMonetary",
                table: "CustomerScores");

            migrationBuilder.DropColumn(
                name: "RfmRecency",
                table: "CustomerScores");
        }
    }
}
