using System.Collections.Concurrent;
using Connect.Catalog.Contracts;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Errors;
using Marten;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.CrossModule;

/// <summary>
/// Another module archives and restores through Connect.Catalog.Contracts and the mediator only, with the
/// same validation and history as HTTP, and hears about changes through notifications published after commit.
/// </summary>
public sealed class InProcessStatusCommandTests(ConnectApiFactory api) : ApiTest(api)
{
    private static async Task<T> SendAsync<T>(IServiceProvider services, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    private Task<T> SendAsync<T>(Func<ISender, ValueTask<T>> send) => SendAsync(Api.Services, send);

    [Fact]
    public async Task Given_an_offering_When_another_module_archives_and_restores_it_Then_the_history_names_that_caller()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        var archived = await SendAsync(s => s.Send(new ArchiveProductOffering("o-1", "supplier ended the product", "pricing-job")));
        var restored = await SendAsync(s => s.Send(new RestoreProductOffering("o-1", null, "pricing-job")));

        archived.Status.Should().Be(OfferingStatus.Archived);
        restored.Status.Should().Be(OfferingStatus.Available);
        var history = (await SendAsync(s => s.Send(new GetProductOfferingStatusHistory("o-1"))))!.Items;
        history.Select(h => (h.Sequence, h.Status, h.PreviousStatus, h.ChangedBy)).Should().Equal(
            (1L, OfferingStatus.Available, (OfferingStatus?)null, "bootstrap"),
            (2L, OfferingStatus.Archived, OfferingStatus.Available, "pricing-job"),
            (3L, OfferingStatus.Available, OfferingStatus.Archived, "pricing-job"));
        history[1].Reason.Should().Be("supplier ended the product");
        (await SendAsync(s => s.Send(new GetProductOfferingStatusHistory("missing")))).Should().BeNull();
    }

    [Fact]
    public async Task Given_an_in_process_archive_without_reason_or_caller_When_sent_Then_the_validator_rejects_it()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var act = () => SendAsync(s => s.Send(new ArchiveProductOffering("o-1", " ", "")));
        (await act.Should().ThrowAsync<ValidationFailedException>()).Which.Errors.Select(e => e.Property)
            .Should().BeEquivalentTo("reason", "changedBy");
    }

    [Fact]
    public async Task Given_archive_then_restore_When_committed_Then_one_notification_each_is_published_after_the_commit()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var recorder = new Recorder();
        await using var host = Api.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(recorder);
            services.AddScoped<INotificationHandler<ProductOfferingArchived>, RecordingHandler>();
            services.AddScoped<INotificationHandler<ProductOfferingRestored>, RecordingHandler>();
        }));

        await SendAsync(host.Services, s => s.Send(new ArchiveProductOffering("o-1", "end of sale", "ops")));
        var again = () => SendAsync(host.Services, s => s.Send(new ArchiveProductOffering("o-1", "twice", "ops")));
        await again.Should().ThrowAsync<ConflictException>();
        var restored = await SendAsync(host.Services, s => s.Send(new RestoreProductOffering("o-1", "", "ops")));

        var seen = recorder.Seen.ToArray();
        seen.Should().HaveCount(2, "the refused second archive published nothing");
        seen[0].Notification.Should().BeEquivalentTo(
            new ProductOfferingArchived("o-1", "g-1", "end of sale", "ops", default), o => o.Excluding(n => n.OccurredAt));
        seen[1].Notification.Should().BeEquivalentTo(
            new ProductOfferingRestored("o-1", "g-1", null, "ops", restored.UpdatedAt));
        seen.Select(s => s.StatusInAnotherSession).Should().Equal(
            [OfferingStatus.Archived, OfferingStatus.Available], "the change was committed before the notification went out");
    }

    public sealed class Recorder
    {
        public ConcurrentQueue<(object Notification, OfferingStatus? StatusInAnotherSession)> Seen { get; } = new();
    }

    public sealed class RecordingHandler(Recorder recorder, IDocumentStore store)
        : INotificationHandler<ProductOfferingArchived>, INotificationHandler<ProductOfferingRestored>
    {
        public ValueTask Handle(ProductOfferingArchived notification, CancellationToken cancellationToken) =>
            RecordAsync(notification, notification.ProductOfferingId);

        public ValueTask Handle(ProductOfferingRestored notification, CancellationToken cancellationToken) =>
            RecordAsync(notification, notification.ProductOfferingId);

        private async ValueTask RecordAsync(object notification, string offeringId)
        {
            await using var session = store.QuerySession();
            var offering = await session.LoadAsync<Connect.Catalog.Domain.OfferingDocument>(offeringId);
            recorder.Seen.Enqueue((notification, offering?.Status));
        }
    }
}
