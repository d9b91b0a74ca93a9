using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Connect.ArchitectureTests;

/// <summary>One projection of each kind whose convention method Marten would never call: the rule must name each.</summary>
internal sealed class HiddenEventProjection : EventProjection
{
    private void Project(string e) => _ = e;

    private sealed class HiddenSingleStream : SingleStreamProjection<Sample, string>
    {
        internal void Apply(string e, Sample view) => view.Id = e;
    }

    private sealed class HiddenMultiStream : MultiStreamProjection<Sample, string>
    {
        private void Apply(string e, Sample view) => view.Id = e;
    }
}

internal sealed class Sample
{
    public string Id { get; set; } = "";
}
