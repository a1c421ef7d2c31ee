using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Verify.Specs.Support;

/// <summary>
/// Which methods a method can reach, read from its IL: direct calls, constructors, lambdas and local functions
/// (ldftn), and the bodies of compiler-generated closures, iterators and async state machines, followed within
/// the method's own assembly. It over-approximates what a run does (every branch counts), which is what a
/// static "can this spec ever record X" check needs.
/// </summary>
public static class CallGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Whether <paramref name="start"/> can reach a method satisfying <paramref name="isTarget"/>.</summary>
    public static bool Reaches(MethodBase start, Func<MethodBase, bool> isTarget)
    {
        var home = start.Module.Assembly;
        var seen = new HashSet<MethodBase>();
        var work = new Stack<MethodBase>();
        work.Push(start);
        while (work.Count > 0)
        {
            var method = work.Pop();
            if (!seen.Add(method)) continue;
            foreach (var callee in Callees(method))
            {
                if (isTarget(callee)) return true;
                if (callee.Module.Assembly != home) continue;
                work.Push(callee);
                // A closure, iterator or state machine runs its body from methods nobody calls by name (MoveNext, Invoke).
                if (callee.DeclaringType is { } t && IsCompilerGenerated(t))
                    foreach (var m in t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        work.Push(m);
            }
        }
        return false;
    }

    private static bool IsCompilerGenerated(Type t) =>
        t.IsDefined(typeof(CompilerGeneratedAttribute)) || (t.DeclaringType is { } outer && t.Name.Contains('<') && IsCompilerGenerated(outer));

    /// <summary>The methods and constructors named by call, callvirt, newobj, ldftn and ldvirtftn in a method's IL.</summary>
    public static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op))
                throw new InvalidDataException($"unknown IL opcode 0x{value:X} in {method.DeclaringType?.Name}.{method.Name}");
            if (op.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, i);
                MethodBase? callee = null;
                try { callee = method.Module.ResolveMethod(token, typeArgs, methodArgs); }
                catch (ArgumentException) { }  // a token of a generic instantiation the context cannot close: skip it
                if (callee is not null) yield return callee;
            }
            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
