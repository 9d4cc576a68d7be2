using LoyaltyStudio.Intelligence.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>
/// A feature table (or some of its rows) seen by ML.NET as an <see cref="IDataView"/>: a float vector column
/// <c>Features</c> as wide as the table and, when labels are given, a boolean <c>Label</c>. Rows are copied
/// straight from the table's array into ML.NET's buffers, with no object per row.
/// </summary>
internal sealed class FeatureTableDataView : IDataView
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    private readonly FeatureTable _table;
    private readonly int[]? _rows;
    private readonly bool[]? _labels;

    /// <param name="table">The features.</param>
    /// <param name="rows">The table rows to show, in this order; all rows when null.</param>
    /// <param name="labels">Per table row (not per shown row): churned or not; no label column when null.</param>
    public FeatureTableDataView(FeatureTable table, int[]? rows = null, bool[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (labels is not null && labels.Length != table.Count)
            throw new ArgumentException($"{labels.Length} labels for a table of {table.Count} customers.", nameof(labels));
        _table = table;
        _rows = rows;
        _labels = labels;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, table.Width));
        if (labels is not null)
            builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public int RowCount => _rows?.Length ?? _table.Count;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(FeatureTableDataView view) : DataViewRowCursor
    {
        private long _position = -1;
        private int _tableRow = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            if (_position + 1 >= view.RowCount)
            {
                _tableRow = -1;
                return false;
            }
            _position++;
            _tableRow = view._rows is null ? (int)_position : view._rows[_position];
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Name == FeaturesColumn && column.Index == 0)
            {
                ValueGetter<VBuffer<float>> features = GetFeatures;
                return (ValueGetter<TValue>)(Delegate)features;
            }
            if (column.Name == LabelColumn && view._labels is not null)
            {
                ValueGetter<bool> label = (ref bool value) => value = view._labels[_tableRow];
                return (ValueGetter<TValue>)(Delegate)label;
            }
            throw new ArgumentOutOfRangeException(nameof(column), $"The feature table view has no column '{column.Name}' at {column.Index}.");
        }

        private void GetFeatures(ref VBuffer<float> value)
        {
            var width = view._table.Width;
            var editor = VBufferEditor.Create(ref value, width);
            view._table.Row(_tableRow).CopyTo(editor.Values);
            value = editor.Commit();
        }
    }
}
