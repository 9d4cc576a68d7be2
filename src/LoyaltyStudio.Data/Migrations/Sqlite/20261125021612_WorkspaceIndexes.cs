using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkspaceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SegmentMemberships_ScoringRunId_SegmentId",
                table: "SegmentMemberships");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentMemberships_ScoringRunId_SegmentId_PreviousSegmentId",
                table: "SegmentMemberships",
                columns: new[] { "ScoringRunId", "SegmentId", "PreviousSegmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerScores_RfmGrid",
                table: "CustomerScores",
                columns: new[] { "ScoringRunId", "RfmRecency", "RfmFrequency", "RfmSegmentId", "Spend365", "PredictedLifetimeValue", "ChurnScore" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerScores_ScoringRunId_ChurnScore_CustomerId",
                table: "CustomerScores",
                columns: new[] { "ScoringRunId", "ChurnScore", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SegmentMemberships_ScoringRunId_SegmentId_PreviousSegmentId",
                table: "SegmentMemberships");

            migrationBuilder.DropIndex(
                name: "IX_CustomerScores_RfmGrid",
                table: "CustomerScores");

            migrationBuilder.DropIndex(
                name: "IX_CustomerScores_ScoringRunId_ChurnScore_CustomerId",
                table: "CustomerScores");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentMemberships_ScoringRunId_SegmentId",
                table: "SegmentMemberships",
                columns: new[] { "ScoringRunId", "SegmentId" });
        }
    }
}
