// The webhook benchmark's two processes (build/bench/webhooks.sh):
//
//   receive <port>                                         the receiver: 204 at once to POST /hook/<n>, noting each
//                                                          change's lag (arrival - its CloudEvent time), repeats and order
//   drive <api> <key> <receiver> <webhooks> <backlog> <seconds> <per second>
//                                                          the driver: a backlog drained by 1 and then <webhooks> webhooks,
//                                                          then lag under a steady write rate; prints a markdown table
using System.Globalization;

switch (args.FirstOrDefault())
{
    case "receive":
        await Hooks.Receiver.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
        return 0;
    case "drive":
        var numbers = args[4..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        return await new Hooks.Driver(args[1], args[2], args[3]).RunAsync(numbers[0], numbers[1], numbers[2], numbers[3]);
    default:
        Console.Error.WriteLine("usage: Hooks receive <port> | Hooks drive <api> <key> <receiver> <webhooks> <backlog> <seconds> <per second>");
        return 2;
}
