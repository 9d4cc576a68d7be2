using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ProfileJson",
                table: "Segments",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Segments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ScoringRuns",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.AddColumn<string>(
                name: "ModelVersionsJson",
                table: "ScoringRuns",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedSpendPerOrder",
                table: "CustomerScores",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "RfmFrequency",
                table: "CustomerScores",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RfmMonetary",
                table: "CustomerScores",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RfmRecency",
                table: "CustomerScores",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SegmentSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScoringRunId = table.Column<long>(type: "bigint", nullable: false),
                    SegmentId = table.Column<long>(type: "bigint", nullable: false),
                    Members = table.Column<int>(type: "int", nullable: false),
                    AverageLifetimeValue = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    AverageChurnScore = table.Column<double>(type: "float", nullable: false),
                    ProfileJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
