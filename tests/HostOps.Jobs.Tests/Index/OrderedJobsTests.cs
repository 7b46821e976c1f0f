using HostOps.Jobs.Index;
using HostOps.Jobs.Status;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Index;

public sealed class OrderedJobsTests
{
    [Fact]
    public void Random_adds_and_removes_keep_the_newest_first_order_and_every_page_start()
    {
        var random = new Random(8);
        var list = new OrderedJobs();
        var expected = new SortedSet<JobOrder>();
        var jobs = new List<IndexedJob>();
        for (var step = 0; step < 6_000; step++)
        {
            if (jobs.Count > 0 && random.Next(4) == 0)
            {
                var gone = jobs[random.Next(jobs.Count)];
                jobs.Remove(gone);
                expected.Remove(gone.Order);
                list.Remove(gone.Order).ShouldBeTrue();
            }
            else
            {
                // Mostly newer than all before (as jobs arrive), sometimes anywhere (a clock behind, a replay).
                var ticks = random.Next(5) == 0 ? random.Next(0, step + 1) : step * 10L;
                var job = Job(ticks);
                jobs.Add(job);
                expected.Add(job.Order);
                list.Add(job);
            }
        }

        list.Count.ShouldBe(expected.Count);
        list.From(0).Select(j => j.Order).ShouldBe(expected);
        list.Oldest!.Order.ShouldBe(expected.Max);
        foreach (var offset in new[] { 0, 1, 511, 512, 513, 2_000, expected.Count - 1, expected.Count })
        {
            list.From(offset).Take(3).Select(j => j.Order).ShouldBe(expected.Skip(offset).Take(3));
        }

        foreach (var job in jobs.Take(50))
        {
            list.After(job.Order).Take(3).Select(j => j.Order).ShouldBe(expected.Where(o => o.CompareTo(job.Order) > 0).Take(3));
        }

        list.Remove(new JobOrder(-1, Guid.NewGuid())).ShouldBeFalse();
    }

    [Fact]
    public void A_position_that_left_the_list_still_pages_from_where_it_was()
    {
        var list = new OrderedJobs();
        var jobs = Enumerable.Range(0, 10).Select(i => Job(i * 10L)).ToList();
        jobs.ForEach(list.Add);

        list.Remove(jobs[5].Order);

        list.After(jobs[5].Order).Select(j => j.Order).ShouldBe(jobs.Take(5).Reverse().Select(j => j.Order));
    }

    private static IndexedJob Job(long ticks) =>
        new(Guid.NewGuid(), "system.hostname.get", "_any", "_any", ticks, null, JobProgress.Start);
}
