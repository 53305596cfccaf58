// Functions of keyword-end languages: Ruby, Lua, Elixir and Julia, where
// every construct closed by `end` has to be tracked to find the function's.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

TEST(EndFunctionsRuby, MethodsBlocksModifiersAndEndlessMethods) {
  const char* src =
      "module Billing\n"                   // 1
      "  class Invoice < Base\n"           // 2
      "    # Not done yet.\n"              // 3
      "    def total\n"                    // 4
      "      raise NotImplementedError\n"  // 5
      "    end\n"                          // 6
      "\n"                                 // 7
      "    def self.build(attrs = {})\n"   // 8
      "      items.each do |i|\n"          // 9
      "        next if i.nil?\n"           // 10
      "      end\n"                        // 11
      "      while x do\n"                 // 12
      "        x -= 1\n"                   // 13
      "      end\n"                        // 14
      "      return nil unless attrs\n"    // 15
      "      new(attrs)\n"                 // 16
      "    end\n"                          // 17
      "\n"                                 // 18
      "    def valid?; true; end\n"        // 19
      "    def area = width * height\n"    // 20
      "    def name=(v)\n"                 // 21
      "      @name = v\n"                  // 22
      "    end\n"                          // 23
      "  end\n"                            // 24
      "end\n";                             // 25
  EXPECT_EQ(units("ruby", src), (Lines{"Invoice.total@4-6", "Invoice.build@8-17", "Invoice.valid?@19-19",
                                       "Invoice.name=@21-23"}));
}

TEST(EndFunctionsRuby, EndInsideStringsAndSymbolsIsNotAKeyword) {
  const char* src =
      "def a\n"
      "  s = \"end\"\n"
      "  h = { end: 1 }\n"
      "  r.end\n"
      "end\n"
      "def b; end\n";
  EXPECT_EQ(units("ruby", src), (Lines{"a@1-5", "b@6-6"}));
}

// Found by the structure fuzzer: a def as the file's last words.
TEST(EndFunctionsRuby, DefAtTheEndOfTheFile) {
  EXPECT_EQ(units("ruby", "x = 1\ndef"), Lines{});
  EXPECT_EQ(units("ruby", "x = 1\ndef self"), (Lines{"self@2-2"}));
  EXPECT_EQ(units("ruby", "def self."), Lines{});
  EXPECT_EQ(units("ruby", "def f"), (Lines{"f@1-1"}));
}

TEST(EndFunctionsLua, NamedMethodsLocalAndBoundFunctions) {
  const char* src =
      "local M = {}\n"                          // 1
      "\n"                                      // 2
      "-- stub\n"                               // 3
      "function M.helper(x)\n"                  // 4
      "  if x then\n"                           // 5
      "    return 1\n"                          // 6
      "  end\n"                                 // 7
      "  for i = 1, 10 do\n"                    // 8
      "    print(i)\n"                          // 9
      "  end\n"                                 // 10
      "end\n"                                   // 11
      "\n"                                      // 12
      "function M:method()\n"                   // 13
      "  repeat\n"                              // 14
      "    x = x + 1\n"                         // 15
      "  until x > 10\n"                        // 16
      "end\n"                                   // 17
      "\n"                                      // 18
      "local function f()\n"                    // 19
      "  local g = function(y) return y end\n"  // 20
      "  return g\n"                            // 21
      "end\n"                                   // 22
      "local s = [[ function fake() end ]]\n";  // 23
  EXPECT_EQ(units("lua", src), (Lines{"M.helper@4-11", "M.method@13-17", "f@19-22", "g@20-20"}));
}

// Found by the structure fuzzer: the name a function is bound to may stand
// on the line above the keyword; the function begins at the name.
TEST(EndFunctionsLua, BoundNameOnTheLineAbove) {
  EXPECT_EQ(units("lua", "local f\n= function() end\n"), (Lines{"f@1-2"}));
}

TEST(EndFunctionsElixir, DefInsideModulesAndOneLineForms) {
  const char* src =
      "defmodule Shop.Cart do\n"                  // 1
      "  def add(cart, item) do\n"                // 2
      "    if item do\n"                          // 3
      "      [item | cart]\n"                     // 4
      "    end\n"                                 // 5
      "  end\n"                                   // 6
      "\n"                                        // 7
      "  defp total(cart), do: Enum.sum(cart)\n"  // 8
      "\n"                                        // 9
      "  def empty?(cart) do\n"                   // 10
      "    Enum.map(cart, fn x -> x end)\n"       // 11
      "  end\n"                                   // 12
      "end\n";                                    // 13
  EXPECT_EQ(units("elixir", src), (Lines{"Shop.Cart.add@2-6", "Shop.Cart.empty?@10-12"}));
}

TEST(EndFunctionsJulia, EndAsAnIndexIsNotAKeyword) {
  const char* src =
      "module Geo\n"                  // 1
      "struct Point\n"                // 2
      "    x::Float64\n"              // 3
      "end\n"                         // 4
      "function norm(p::Point)\n"     // 5
      "    if p.x > 0\n"              // 6
      "        return p.x\n"          // 7
      "    end\n"                     // 8
      "    v = [p.x for i in 1:3]\n"  // 9
      "    return v[end]\n"           // 10
      "end\n"                         // 11
      "area(r) = pi * r^2\n"          // 12
      "end\n";                        // 13
  EXPECT_EQ(units("julia", src), (Lines{"Geo.norm@5-11"}));
}

}  // namespace
}  // namespace assay::structure::testing
